// Activity types and how one is inferred from a title (commands.md: first match wins).

export type ActivityType = '沙龙' | '讲座' | '培训' | '公益' | '调研' | '联谊' | '其他'
/** Where an activity is in its life: planned, done (#完成), or called off (#取消活动). */
export type ActivityStatus = 'scheduled' | 'completed' | 'cancelled'

export const ACTIVITY_TYPES: readonly ActivityType[] = ['沙龙', '讲座', '培训', '公益', '调研', '联谊', '其他']

const INFERENCE: ReadonlyArray<[ActivityType, readonly string[]]> = [
  ['沙龙', ['沙龙']],
  ['讲座', ['讲座', '讲堂', '宣讲', '论坛']],
  ['培训', ['培训', '学习', '研修']],
  ['公益', ['公益', '志愿', '义诊', '助农', '捐赠', '服务']],
  ['调研', ['调研', '考察', '走访']],
  ['联谊', ['联谊', '交友', '茶话', '联欢']],
]

/** The type a title implies: the first keyword group that matches, else 其他. */
export function inferActivityType (title: string): ActivityType {
  for (const [type, words] of INFERENCE) {
    if (words.some(w => title.includes(w))) return type
  }
  return '其他'
}

export function isActivityType (value: string): value is ActivityType {
  return (ACTIVITY_TYPES as readonly string[]).includes(value)
}

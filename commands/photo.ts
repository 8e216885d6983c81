// Pictures as an activity's evidence (commands.md, "Photos and the activity record"): a picture in
// the room kept for the activity it belongs to, `#照片 <id>` to send pictures to one activity for
// ten minutes, `#删除照片 <id> <n>` to take one out again.
import { imageSize } from 'image-size'
import { activityInRoom } from '../src/core/activity-lookup.js'
import { anyone, defineCommand, organizers } from '../src/core/command.js'
import { UserError } from '../src/core/errors.js'
import { splitLeadingId, toHalfWidth } from '../src/domain/normalize.js'
import { activityById } from '../src/db/activities.js'
import { enqueuePhotoAck } from '../src/db/outbox-store.js'
import {
  activitiesOfMember, deletePhoto, hasPhoto, insertPhoto, photoCandidates, photoCount, photoLimitTold, photosOf,
  photoTarget, removePhotoFileIfUnused, setPhotoTarget, sha256Of, writePhotoFile,
} from '../src/db/photos.js'
import { cardMarker } from '../src/domain/member-reply.js'
import {
  choosePhotoActivity, DEFAULT_DURATION_MS, MAX_PHOTO_BYTES, MAX_PHOTOS, PHOTO_LEAD_MS, PHOTO_TAIL_MS, sniffImage,
} from '../src/domain/photo-window.js'
import { formatDateTimeZh } from '../src/domain/zoned-time.js'

/** `#照片 <id>` holds for this long. */
export const PHOTO_TARGET_MS = 10 * 60_000
/** Pictures of one activity are acknowledged at most once a minute. */
export const PHOTO_ACK_WINDOW_MS = 60_000

/** A picture in a room: the handler decides with the database whether it is evidence. */
export const photoIntake = defineCommand<Record<string, never>, 'room'>({
  name: '照片入账',
  summary: '活动照片记入台账',
  example: '活动前后直接在群里发照片（组织者和报名的人发的都算）',
  where: 'room',
  allow: anyone,
  // a picture in private chat is chatter: not taken, so the adapter never reads its bytes
  matchImage: msg => (msg.kind === 'image' && msg.room !== null ? {} : null),
  parse () { throw new UserError('直接在群里发照片即可，不用发这个命令', '#照片 4') },
  handle (ctx) {
    const { msg, db, now } = ctx
    const log = ctx.log.child({ photo: msg.image?.name })
    const room = ctx.room
    const image = msg.image
    const declared = image?.size ?? 0
    if (!image || (image.bytes.length === 0 && declared <= MAX_PHOTO_BYTES)) {
      log.info('photo: ignored an empty picture (0 bytes)')
      return
    }
    if (image.bytes.length > MAX_PHOTO_BYTES || declared > MAX_PHOTO_BYTES) {
      log.info({ bytes: Math.max(image.bytes.length, declared) }, 'photo: ignored a picture larger than 20 MB')
      return
    }
    const ext = sniffImage(image.bytes)
    if (!ext) {
      log.info({ bytes: image.bytes.length }, 'photo: ignored a file that is not a JPEG, PNG, GIF or WebP picture')
      return
    }
    let size: { width?: number | undefined, height?: number | undefined }
    try { size = imageSize(image.bytes) } catch { size = {} }
    if (!size.width || !size.height) {
      log.info({ ext, bytes: image.bytes.length }, 'photo: ignored a corrupt picture (its size cannot be read)')
      return
    }

    // which activity: the one named with #照片, else the one whose time it was sent in
    let activityId = photoTarget(db, room.id, msg.sender.id, now)
    if (activityId !== null && activityById(db, activityId)?.status === 'cancelled') activityId = null
    if (activityId === null) {
      const candidates = photoCandidates(db, room.id, now, PHOTO_LEAD_MS, PHOTO_TAIL_MS, DEFAULT_DURATION_MS)
      const organizer = ctx.who.organizer || ctx.who.admin
      const mine = organizer ? null : activitiesOfMember(db, ctx.member.id, candidates.map(c => c.id))
      const choice = choosePhotoActivity(mine ? candidates.filter(c => mine.has(c.id)) : candidates, now)
      if (!choice.ok) {
        log.info({ candidates: candidates.length, organizer }, 'photo: no activity of the sender in its time window (chatter)')
        return
      }
      activityId = choice.value
    }
    const sha256 = sha256Of(image.bytes)
    if (hasPhoto(db, activityId, sha256)) {
      log.info({ activityId }, 'photo: the same picture is already kept for this activity')
      return
    }
    if (photoCount(db, activityId) >= MAX_PHOTOS) {
      log.info({ activityId }, `photo: activity already has ${MAX_PHOTOS} pictures`)
      if (photoLimitTold(db, activityId)) return
      ctx.audit({ action: 'photo-limit', entity: 'activity', entityId: activityId })
      const a = activityById(db, activityId)
      ctx.reply(`${cardMarker(activityId)}${a?.title ?? ''} 已有${MAX_PHOTOS}张照片，达到上限，之后的照片不再记入台账。如需换照片，组织者可先发「#删除照片 ${activityId} 编号」删掉一张。`)
      return
    }
    try {
      // the file is whole on disk before the row that names it commits
      writePhotoFile(db, sha256, ext, image.bytes)
    } catch (err) {
      log.error({ err, activityId }, 'photo: could not save the picture file (disk full or not writable?)')
      throw new UserError('这张照片没能保存（机器人所在电脑的存储出错），没有记入台账。请稍后重新发送；如一直不行，请联系管理员')
    }
    const id = insertPhoto(db, {
      activityId, sha256, ext, bytes: image.bytes.length, width: size.width, height: size.height,
      senderMemberId: ctx.member.id, senderName: msg.sender.name, originalName: image.name || null, msgId: msg.id, at: now,
    })
    ctx.audit({ action: 'photo-add', entity: 'photo', entityId: id, detail: { activityId, sha256, bytes: image.bytes.length } })
    log.info({ activityId, photoId: id }, 'photo: kept as evidence')
    enqueuePhotoAck(db, room.id, activityId, id, now, PHOTO_ACK_WINDOW_MS)
  },
})

const TARGET_EXAMPLE = '#照片 4'

export const photoTargetCommand = defineCommand<{ id: number }, 'room'>({
  name: '照片',
  aliases: ['活动照片', '补照片'],
  summary: '接下来10分钟内你发的照片记入指定活动（也可查看照片数）',
  example: TARGET_EXAMPLE,
  where: 'room',
  allow: organizers,
  parse (rest) {
    const { id, rest: extra } = splitLeadingId(rest)
    if (id === null || extra) throw new UserError('请写明活动编号，然后在10分钟内把照片发到本群', TARGET_EXAMPLE)
    return { id }
  },
  handle (ctx) {
    const a = activityInRoom(ctx, ctx.args.id)
    if (a.status === 'cancelled') throw new UserError(`活动 #${a.id} 已取消，照片不能记入它的台账`, '#近期活动')
    setPhotoTarget(ctx.db, ctx.room.id, ctx.msg.sender.id, a.id, ctx.now + PHOTO_TARGET_MS)
    const count = photoCount(ctx.db, a.id)
    ctx.reply([
      `${cardMarker(a.id)}${a.title} 目前有照片${count}张。`,
      `接下来10分钟内你发到本群的照片都记入这个活动的台账（同一张照片只记一次，每个活动最多${MAX_PHOTOS}张）。`,
    ].join('\n'))
  },
})

const DELETE_EXAMPLE = '#删除照片 4 2'

export const photoDelete = defineCommand<{ id: number, n: number }, 'room'>({
  name: '删除照片',
  aliases: ['删照片'],
  summary: '从活动台账中删除一张照片（编号同活动记录）',
  example: DELETE_EXAMPLE,
  where: 'room',
  allow: organizers,
  parse (rest) {
    const m = /^#?\s*(\d{1,9})\s+(?:第\s*)?(\d{1,3})\s*张?$/.exec(toHalfWidth(rest).trim())
    if (!m) throw new UserError('请写活动编号和照片编号（照片编号见「#活动记录」里的照片顺序）', DELETE_EXAMPLE)
    return { id: Number(m[1]), n: Number(m[2]) }
  },
  handle (ctx) {
    const a = activityInRoom(ctx, ctx.args.id)
    const photos = photosOf(ctx.db, a.id)
    const photo = photos[ctx.args.n - 1]
    if (!photo) {
      throw new UserError(photos.length === 0
        ? `活动 #${a.id} 还没有照片`
        : `活动 #${a.id} 只有${photos.length}张照片（编号1–${photos.length}），没有第${ctx.args.n}张`, `#删除照片 ${a.id} ${Math.max(1, photos.length)}`)
    }
    deletePhoto(ctx.db, photo.id)
    removePhotoFileIfUnused(ctx.db, photo)
    ctx.audit({ action: 'photo-delete', entity: 'photo', entityId: photo.id, detail: { activityId: a.id, n: ctx.args.n, sha256: photo.sha256 } })
    ctx.reply(`已从${cardMarker(a.id)}${a.title} 的台账删除照片${ctx.args.n}（${photo.senderName}，${formatDateTimeZh(photo.at, ctx.config.timeZone)}发）。现有照片${photos.length - 1}张${ctx.args.n < photos.length ? '，后面的照片编号依次前移' : ''}。`)
  },
})

// A WeChat world on wechaty-puppet-mock for replay, console, tests and bench: people and rooms
// with stable ids, messages delivered as the puppet would, and everything the bot sends
// recorded at the puppet (the outgoing API) with its @mention list.
import { createHash } from 'node:crypto'
import { FileBox, type FileBoxInterface } from 'file-box'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import * as PUPPET from 'wechaty-puppet'

/** What the bot sent, as the puppet saw it. */
export interface SentMessage {
  conversationId: string
  text?: string
  mentionIds: string[]
  file?: FileBoxInterface
}

/** A PuppetMock that tells us what the bot sends (the mock itself drops the mention list). */
export class RecordingPuppet extends PuppetMock {
  onSend: (sent: SentMessage) => Promise<void> | void = () => {}

  override async messageSendText (conversationId: string, text: string, mentionIdList?: string[]): Promise<void> {
    await this.onSend({ conversationId, text, mentionIds: mentionIdList ?? [] })
    return super.messageSendText(conversationId, text)
  }

  /** the pictures of image messages delivered (MockWorld.deliver), by message id */
  readonly images = new Map<string, { name: string, bytes: Buffer }>()

  override async messageFile (messageId: string): Promise<FileBoxInterface> {
    const image = this.images.get(messageId)
    return image ? FileBox.fromBuffer(image.bytes, image.name) : await super.messageFile(messageId)
  }

  override async messageSendFile (conversationId: string, file: FileBoxInterface): Promise<void> {
    await this.onSend({ conversationId, file, mentionIds: [] })
    return super.messageSendFile(conversationId, file)
  }
}

const hash = (s: string): string => createHash('sha1').update(s).digest('hex').slice(0, 12)

/** Stable ids from names, so two replays on one database see the same people and rooms. */
export const contactIdOf = (name: string): string => `wxid_${hash(name)}`
export const roomIdOf = (topic: string): string => `${hash(topic)}@chatroom`

export interface WorldRoom {
  topic: string
  owner?: string | undefined
  members: readonly string[]
}

export interface WorldSpec {
  bot: string
  rooms: readonly WorldRoom[]
  /** people in no room (private chat only) */
  contacts: readonly string[]
}

export interface Delivery {
  id: string
  at: number
  from: string
  /** room topic; absent for a private message to the bot */
  room?: string | undefined
  text: string
  mentions: readonly string[]
  /** a picture message with this file's content instead of text */
  image?: { name: string, bytes: Buffer } | undefined
}

/** Builds the mock world: contacts, rooms (the bot in each), and the bot logged in. */
export class MockWorld {
  readonly mocker = new mock.Mocker()
  readonly puppet: RecordingPuppet
  readonly botId: string
  private readonly names = new Map<string, string>()
  private readonly topics = new Map<string, string>()

  constructor (readonly spec: WorldSpec) {
    this.puppet = new RecordingPuppet({ mocker: this.mocker })
    this.botId = `wxid_bot_${hash(spec.bot)}`
    this.mocker.use(() => {
      const people = new Set<string>([...spec.contacts, ...spec.rooms.flatMap(r => [...r.members, ...(r.owner ? [r.owner] : [])])])
      people.delete(spec.bot)
      const bot = this.mocker.createContact({ id: this.botId, name: spec.bot, type: PUPPET.types.Contact.Individual })
      this.names.set(this.botId, spec.bot)
      for (const name of people) {
        this.mocker.createContact({ id: contactIdOf(name), name, type: PUPPET.types.Contact.Individual, alias: '', friend: true })
        this.names.set(contactIdOf(name), name)
      }
      for (const r of spec.rooms) {
        const memberIds = [...new Set([...r.members, ...(r.owner ? [r.owner] : [])])].map(contactIdOf)
        this.mocker.createRoom({
          id: roomIdOf(r.topic),
          topic: r.topic,
          ownerId: r.owner ? contactIdOf(r.owner) : memberIds[0] ?? this.botId,
          memberIdList: [this.botId, ...memberIds],
          adminIdList: [],
        })
        this.topics.set(roomIdOf(r.topic), r.topic)
      }
      this.mocker.login(bot)
      return () => {}
    })
  }

  nameOf (contactId: string): string {
    return this.names.get(contactId) ?? contactId
  }

  topicOf (roomId: string): string | undefined {
    return this.topics.get(roomId)
  }

  /** Puts a message on the puppet as WeChat would deliver it; a repeated id is a duplicate delivery. */
  deliver (d: Delivery): void {
    if (!this.mocker.cacheMessagePayload.has(d.id)) {
      const base = {
        id: d.id,
        talkerId: d.from === this.spec.bot ? this.botId : contactIdOf(d.from),
        timestamp: d.at,
        type: d.image ? PUPPET.types.Message.Image : PUPPET.types.Message.Text,
        text: d.image ? '' : d.text,
      }
      // a picture: its content is what the puppet's FileBox for the message holds (even 0 bytes)
      if (d.image) this.puppet.images.set(d.id, d.image)
      const payload = d.room === undefined
        ? { ...base, listenerId: this.botId }
        : { ...base, roomId: roomIdOf(d.room), mentionIdList: d.mentions.map(n => (n === this.spec.bot ? this.botId : contactIdOf(n))) }
      this.mocker.MessageMock.create(payload as PUPPET.payloads.Message)
    }
    this.puppet.emit('message', { messageId: d.id })
  }
}

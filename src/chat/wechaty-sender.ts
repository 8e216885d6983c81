// The outbox's Sender on Wechaty: finds the room or contact again (ids change between logins,
// so by name as a fallback), resolves @mentions to room members, and sends text or a file.
import { FileBox } from 'file-box'
import type { Contact, Room, Wechaty } from 'wechaty'
import type { Logger } from 'pino'
import type { Person } from '../domain/records.js'
import type { Destination, Sender } from './outbox.js'

export class WechatySender implements Sender {
  constructor (private readonly bot: Wechaty, private readonly log: Logger) {}

  private async room (to: Extract<Destination, { kind: 'room' }>): Promise<Room> {
    const room = await this.bot.Room.find({ id: to.wxId }).catch(() => undefined)
      ?? await this.bot.Room.find({ topic: to.topic })
    if (!room) throw new Error('room not found')
    return room
  }

  private async contact (to: Extract<Destination, { kind: 'contact' }>): Promise<Contact> {
    const contact = await this.bot.Contact.find({ id: to.id }).catch(() => undefined)
      ?? await this.bot.Contact.find({ name: to.name })
    if (!contact) throw new Error('contact not found')
    return contact
  }

  private async mentions (room: Room, people: readonly Person[]): Promise<Contact[]> {
    const out: Contact[] = []
    for (const p of people) {
      const byId = await this.bot.Contact.find({ id: p.id }).catch(() => undefined)
      const contact = byId && await room.has(byId) ? byId : await room.member({ name: p.name }).catch(() => undefined)
      if (contact) out.push(contact)
      else this.log.warn({ contactId: p.id }, 'mention dropped: not in the room any more')
    }
    return out
  }

  async sendText (to: Destination, text: string, mentions: readonly Person[]): Promise<void> {
    if (to.kind === 'room') {
      const room = await this.room(to)
      const contacts = await this.mentions(room, mentions)
      await room.say(text, ...contacts)
    } else {
      await (await this.contact(to)).say(text)
    }
  }

  async sendFile (to: Destination, fileName: string, data: Buffer): Promise<void> {
    // base64 boxes serialise (puppet-service sends them over gRPC; a buffer box cannot be serialised)
    const file = FileBox.fromBase64(data.toString('base64'), fileName)
    if (to.kind === 'room') await (await this.room(to)).say(file)
    else await (await this.contact(to)).say(file)
  }
}

// Plain records that cross the boundary between the chat adapter, the core and the database: a
// message, a person, a room, where a reply goes. Below every layer: nothing here imports anything.

/** A WeChat contact as the core sees it. */
export interface Person {
  /** contact id (may change between logins on some puppets) */
  id: string
  /** display name */
  name: string
}

export interface RoomRef {
  /** room id from the puppet */
  id: string
  topic: string
  /** the room owner's contact id, when the puppet knows it */
  ownerId?: string | undefined
}

/** What a message is: the readers of dispatch are chosen by it. */
export type MessageKind = 'text' | 'image'

/** A picture as the adapter read it from the puppet (the core never sees a puppet's file object). */
export interface ImageFile {
  /** the file name the puppet gave it */
  name: string
  /** empty when the puppet said the file is larger than a picture may be (`size`), so it was not loaded */
  bytes: Buffer
  /** the size the puppet declared before loading, when it did */
  size?: number
}

/** One incoming message, as the adapter hands it to the core. */
export interface IncomingMessage {
  id: string
  kind: MessageKind
  /** when it was sent (puppet timestamp, epoch ms) */
  at: number
  /** null for a private chat with the bot */
  room: RoomRef | null
  sender: Person
  /** the text as delivered ('' for a picture) */
  text: string
  /** the picture, for kind 'image' */
  image?: ImageFile
  mentions: Person[]
  /** the message @mentions the bot */
  mentionsBot: boolean
  /** sent by the bot itself */
  self: boolean
}

/** Where something is sent: a room (rooms.id) or a private chat with a contact. */
export type Target = { roomId: number } | { contact: Person }

package io.analytips.telegram.model;

/** The bot's own membership changed in a chat: in a private chat, {@code kicked} means the user blocked it. */
public record ChatMemberUpdated(Chat chat, User from, long date, ChatMember oldChatMember, ChatMember newChatMember) {
}

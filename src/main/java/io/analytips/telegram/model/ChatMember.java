package io.analytips.telegram.model;

/** A chat member's status: {@code member}, {@code kicked} (the user blocked the bot), {@code left}, ... */
public record ChatMember(String status, User user) {
}

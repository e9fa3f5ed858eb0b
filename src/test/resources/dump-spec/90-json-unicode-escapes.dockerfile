# rule: §6 JSON escapes are decoded (\u00e9 -> é, surrogate pair -> one character)
CMD ["caf\u00e9", "\u00E9", "é", "\u2665", "\ud83d\ude00"]

# rule: §6 "\u0000" -> NUL printed \x00; other decoded control / non-printable characters quoted per §3
CMD ["\u0000", "a\u0001b", "\u007f", "\u00a0", "\u200b"]

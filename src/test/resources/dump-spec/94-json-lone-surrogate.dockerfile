# rule: §6 lone surrogate escapes become U+FFFD (printed literally, it is printable)
CMD ["\ud800", "x\udc00y"]

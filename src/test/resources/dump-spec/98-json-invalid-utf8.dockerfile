# rule: Â§6 invalid UTF-8 inside a JSON string becomes U+FFFD
CMD ["aÿb"]

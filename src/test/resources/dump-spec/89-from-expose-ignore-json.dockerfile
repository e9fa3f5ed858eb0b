# rule: §5 FROM and EXPOSE are always split at whitespace, JSON-looking text included (never an error)
EXPOSE ["80", "443"]
FROM ["alpine"]
EXPOSE [80, 443]

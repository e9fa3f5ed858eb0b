# rule: §5/§6 an empty JSON array gives no args (COPY/ADD/CMD)
COPY []
ADD [ ]
CMD [ ]

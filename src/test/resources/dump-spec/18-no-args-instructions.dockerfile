# rule: §2 an instruction with no arguments and no flags prints as (<cmd>)
USER
RUN
CMD
FROM
EXPOSE
COPY
ADD
VOLUME
ENTRYPOINT

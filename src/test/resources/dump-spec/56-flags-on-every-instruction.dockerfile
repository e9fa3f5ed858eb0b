# rule: §4.6 flags are extracted for every instruction
CMD --x y
ENTRYPOINT --x y
USER --x y
WORKDIR --x /y
ENV --x a=b
LABEL --x a=b
ARG --x a
EXPOSE --x 80
VOLUME --x /v
SHELL --x ["sh"]
STOPSIGNAL --x TERM
MAINTAINER --x me
FOOBAR --x y
ONBUILD --x RUN y

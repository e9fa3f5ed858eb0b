# SYNTAX=docker/dockerfile:1
# eScApE=`
RUN echo a `
b

# syntax=docker/dockerfile:1
# escape=`
RUN echo a `
  b

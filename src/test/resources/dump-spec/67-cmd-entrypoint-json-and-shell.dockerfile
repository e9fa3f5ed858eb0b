# rule: §5 CMD/ENTRYPOINT: JSON elements, else one verbatim arg; [] gives no args
CMD ["app", "--port=80"]
CMD app --port=80 "$@"
ENTRYPOINT ["/bin/tini", "--"]
ENTRYPOINT exec app
CMD []
ENTRYPOINT []

# rule: §5 SHELL: JSON elements, else one verbatim arg; [] gives no args
SHELL ["powershell", "-Command"]
SHELL /bin/bash -o pipefail -c
SHELL []

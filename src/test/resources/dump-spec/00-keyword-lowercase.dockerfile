# rule: §2 <cmd> is the instruction keyword as written, lower-cased (RUN, Run -> run)
rUn echo a
FrOm alpine
Cmd x
exPOSE 80
WorkDir /w

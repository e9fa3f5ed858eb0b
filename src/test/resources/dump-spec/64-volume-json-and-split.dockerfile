# rule: §5 VOLUME: JSON elements, else split like FROM; [] gives no args
VOLUME /a  /b
VOLUME ["/c", "/d e"]
VOLUME []
VOLUME ["/f"

# rule: §6 a decoded newline/tab/CR/BS/FF inside a JSON string is printed as \n \t \r \b \f
CMD ["a\nb", "c\td", "e\r\b\f"]

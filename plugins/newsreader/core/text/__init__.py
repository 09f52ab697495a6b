"""Reading the raw text: the file format, the date line, boilerplate, sentences, the body as HTML."""

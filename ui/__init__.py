"""The user interfaces: the Gradio chat and the `citeqa` command line. Thin: no retrieval logic here."""

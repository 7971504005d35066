"""The archive: records, schema, build, search, documents. Never imports Qt."""

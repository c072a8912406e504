"""The procedure catalogue (danh mục TTHC): a JSON document, read and checked into typed records.

- records: the records a catalogue is made of (`Catalogue`, `Procedure`, `Fee`…) and the words
  its fields may take (time units, levels, fee kinds);
- reader: `CatalogueError` and typed access to one JSON object, which names the object (a
  marked place, “Thủ tục {code}”) in every refusal; the JSON itself, NFC and without duplicates;
- document: `parse_catalogue`, the whole document: format, version rules, units, agencies,
  fields; procedures: one procedure, its time limit, fees and components; references: the
  codes a procedure names exist in the catalogue, and the rules across its levels.
"""

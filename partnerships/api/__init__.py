"""The partnerships app's part of the API (/api/v1/): `samenwerkingsverbanden`,
`deelnemingen` and the paragraph of an organisation and year."""

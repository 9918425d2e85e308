"""Spreadsheets in and out: import (with a preview) and export of the register's records.

files.py     reads an uploaded XLSX or CSV into a Table, refusing hostile or broken files
cells.py     turns cell values into Python values (Dutch numbers and dates, choices, ...)
columns.py   a sheet's columns and the tolerant matching of headers
kinds.py     the base of a kind of sheet, and the columns and finders kinds share
kinds_register.py, kinds_money.py, interests.py   the seven kinds; catalogue.py names them
             (interests.py also gives the preview the verbonden-partij status of a row)
plan.py      the preview: what each row would do (new, changed, unchanged, error)
overview_map.py   recognises an overview map (a matrix of arrangements × municipalities)
map_plan.py  the preview of such a map: the same plan rows as a long list
party_names.py    close names of parties, the candidates offered for an unknown name
service.py   the import itself: preview, then commit all rows or none, recorded as an ImportRun
writing.py   exports and templates (XLSX and CSV), neutralising formulas
"""

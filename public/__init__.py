"""The public pages (read only, Dutch, NL Design System): for council members and, where an
organisation publishes, for anyone. What a reader sees is decided by registry.access
(`site_scope`: what is public, plus what the reader's roles let them read), never here.

directory.py      the start page and the search (by name, municipality, theme, form)
municipality.py   a municipality's page: takings, costs, risks, what is due
cooperation.py    a cooperation's page: basis, governance, participants, figures, cycle,
                  evaluations, and the what-if of leaving for a member of a participant
charts.py         SVG charts drawn on the server (each shown with its table)
views.py, urls.py the thin views and their routes (namespace "site")
"""

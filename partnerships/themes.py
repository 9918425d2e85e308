"""The policy themes of the overview maps of Twente and West-Overijssel (seed 002, appendices
A and B), completed with the themes of the U10 (seed 004) and the Northern study (seed 000)."""

SEED_THEMES = (
    "Algemeen en regionaal",
    "Asiel en integratie",
    "Bedrijfsvoering",
    "Cultuur",
    "Economie",
    "Energietransitie en duurzaamheid",
    "Financiën",
    "Milieu, energie en afval",
    "Mobiliteit",
    "Natuur en landschap",
    "Ruimte",
    "Sociaal domein",
    "Veiligheid",
    "Water en ruimte",
    "Wonen",
)

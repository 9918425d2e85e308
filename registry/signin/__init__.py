"""Signing in beyond the password (README "Two factors, lockout, sessions and passwords"):
the second factor (factors, views, middleware), the lockout's page (lockout), the session's
lifetime (middleware) and the password rules (passwords)."""

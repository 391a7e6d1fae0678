"""Assessment: decide a status for every requirement and assemble the typed result."""

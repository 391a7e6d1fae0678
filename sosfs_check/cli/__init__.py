"""Command-line interface. Heavy libraries are imported inside commands to keep start-up fast."""

"""Taggers: sentiment, emotion, intents, complaint categories and agent quality."""

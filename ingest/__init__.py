"""Sources into records: articles, datasets and graph files."""

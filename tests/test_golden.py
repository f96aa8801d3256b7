"""Speed work must not change a single output row: compare with tests/data/golden (see tests/golden.py)."""
import golden


def test_extract_output_is_unchanged_on_seeds_russian_articles_and_bulletins():
    assert golden.differences() == []

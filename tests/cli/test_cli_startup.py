"""`sosfs-check --help` must not pull in the heavy libraries (start-up time)."""

import subprocess
import sys

PROBE = """
import sys
sys.argv = ['sosfs-check', '--help']
from sosfs_check.cli.app import main
try:
    main()
except SystemExit:
    pass
heavy = [m for m in ('spacy', 'pandas', 'docx', 'openpyxl', 'lxml') if m in sys.modules]
print('HEAVY=' + ','.join(heavy))
"""


def test_help_imports_no_heavy_library():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "HEAVY="

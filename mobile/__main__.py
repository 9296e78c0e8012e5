"""`python -m mobile` starts the phone app on a desktop."""

from mobile.main import main

main()

from sosfs_check.cli.app import main

main()

from vlnl_desktop.cli import main

main()

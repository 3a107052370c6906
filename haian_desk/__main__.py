from haian_desk.cli import main

raise SystemExit(main())

"""The demo store's accounts and their shared password (no imports: the start-up probe reads
them without loading the demo filler)."""

DEMO_PASSWORD = "Demo@2026"
DEMO_ACCOUNTS = (
    ("canbo1", "Nguyễn Thị Hồng Nhung", "clerk"),
    ("canbo2", "Trần Văn Đức", "clerk"),
    ("truongbp", "Lê Thị Thu Hà", "supervisor"),
    ("cntt", "Phạm Quốc Đạt", "it"),
)

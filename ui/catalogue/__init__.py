"""The service catalogue (事项目录) screen: browse for everyone, edit for admins."""

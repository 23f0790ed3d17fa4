//! dateline-import (being built).

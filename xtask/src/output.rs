//! Writing to standard output: a reader that stops early (`cargo xtask spec-check | head`)
//! closes the pipe, and the command then ends quietly instead of panicking on `EPIPE`.

use std::io::{self, Write};

/// Writes `text` to standard output and flushes it; a closed pipe is not an error (the reader
/// has what it wanted).
pub(crate) fn print(text: &str) -> io::Result<()> {
    write_quietly(&mut io::stdout().lock(), text)
}

/// Writes `text` and a newline to standard output, as [`print()`].
pub(crate) fn println(text: &str) -> io::Result<()> {
    let mut line = String::with_capacity(text.len() + 1);
    line.push_str(text);
    line.push('\n');
    print(&line)
}

/// Writes `text` to `out` and flushes it, treating [`io::ErrorKind::BrokenPipe`] as success.
pub(crate) fn write_quietly(out: &mut impl Write, text: &str) -> io::Result<()> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use std::io::{self, Write};

    use super::write_quietly;

    /// A pipe whose reader has gone away after `room` bytes.
    struct ClosedAfter {
        room: usize,
        kind: io::ErrorKind,
    }

    impl Write for ClosedAfter {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::Error::from(self.kind));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_ends_the_output_quietly() {
        let mut out = ClosedAfter { room: 4, kind: io::ErrorKind::BrokenPipe };
        assert!(write_quietly(&mut out, "more than four bytes").is_ok());
    }

    #[test]
    fn other_write_errors_are_reported() {
        let mut out = ClosedAfter { room: 0, kind: io::ErrorKind::StorageFull };
        assert!(write_quietly(&mut out, "x").is_err());
    }
}

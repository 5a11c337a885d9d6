//! Replaying a recorded step for undo or redo, in a transaction of its own.
//!
//! Each row must still be exactly as the step left it (else the replay is refused: replaying
//! old images would lose a change made since, by another window or process). A row the step
//! says did not exist is soft-deleted, and the image it then has is written back into the step,
//! so that the opposite replay expects it: no replay ever removes a row.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{CoreError, CoreResult};
use crate::history::Direction;
use crate::mutation::{read_row, restore_row, soft_delete_row, RowChange};
use crate::time::{format_timestamp, now};

fn changed_meanwhile() -> CoreError {
    CoreError::Conflict("This can’t be undone any more: the data changed in the meantime.".into())
}

pub fn replay(
    connection: &mut Connection,
    rows: &mut [RowChange],
    direction: Direction,
) -> CoreResult<()> {
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let at = format_timestamp(&now());
    let order: Vec<usize> = match direction {
        Direction::Undo => (0..rows.len()).rev().collect(),
        Direction::Redo => (0..rows.len()).collect(),
    };
    // Images rewritten by soft deletes, applied to the step only once the transaction commits.
    let mut rewritten = Vec::new();
    for index in order {
        let change = &rows[index];
        let (expected, target) = match direction {
            Direction::Undo => (&change.after, &change.before),
            Direction::Redo => (&change.before, &change.after),
        };
        let current = read_row(&transaction, change.table, &change.id)?;
        if &current != expected {
            return Err(changed_meanwhile());
        }
        match target {
            Some(image) => {
                restore_row(&transaction, change.table, image).map_err(|error| match error {
                    // A row it depends on is gone (removed by another process): it can never
                    // replay.
                    CoreError::Sqlite(ref sqlite)
                        if sqlite.sqlite_error_code()
                            == Some(rusqlite::ErrorCode::ConstraintViolation) =>
                    {
                        changed_meanwhile()
                    }
                    other => other,
                })?
            }
            None => {
                soft_delete_row(&transaction, change.table, &change.id, &at)?;
                let hidden = read_row(&transaction, change.table, &change.id)?;
                rewritten.push((index, hidden));
            }
        }
    }
    transaction.commit()?;
    for (index, hidden) in rewritten {
        let change = &mut rows[index];
        match direction {
            Direction::Undo => change.before = hidden,
            Direction::Redo => change.after = hidden,
        }
    }
    Ok(())
}

-- An update is finished when it has an outcome, and then it has the time it finished: the two are null together.
-- Finishing a batch looks for rows whose finished_at is null (the primary key, row by row), which holds only while
-- this does; every row written so far keeps it (the insert stamps finished_at with an outcome, the finish sets both).
alter table inbox add constraint inbox_finished_with_outcome check ((outcome is null) = (finished_at is null));

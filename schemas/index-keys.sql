-- Secondary indexes of the ldt index, created after a bulk load (see index.sql).
CREATE UNIQUE INDEX signin_key ON signin(session, id_number, day);
CREATE INDEX signin_trainee ON signin(id_number);
CREATE INDEX signin_file ON signin(file_id);
CREATE INDEX reject_session ON reject(session);
CREATE INDEX reject_file ON reject(file_id);
CREATE INDEX source_session ON source(session);
CREATE INDEX source_file ON source(file_id);
CREATE INDEX plan_instructor_plan ON plan_instructor(plan);
CREATE INDEX session_instructor_session ON session_instructor(session);
CREATE INDEX archive_document_session ON archive_document(session);
CREATE INDEX archive_document_file ON archive_document(file_id);
CREATE INDEX archive_document_sha256 ON archive_document(sha256);
CREATE INDEX leave_session ON leave(session);
CREATE INDEX leave_file ON leave(file_id);
CREATE INDEX trainee_name_id ON trainee_name(id_number);
CREATE INDEX trainee_name_file ON trainee_name(file_id);

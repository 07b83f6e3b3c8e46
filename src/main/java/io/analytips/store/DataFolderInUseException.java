package io.analytips.store;

/** Another live process runs the embedded database on this folder: the start stops before touching it. */
public final class DataFolderInUseException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	DataFolderInUseException(String message) {
		super(message);
	}
}

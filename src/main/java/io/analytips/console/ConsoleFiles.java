package io.analytips.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.analytips.telegram.model.PhotoSize;
import io.analytips.telegram.model.SendDocument;
import io.analytips.telegram.model.SendPhoto;

/**
 * The demo's files: a document goes to {@code ./data}, a photo to the pictures folder (by default
 * {@code ./data/demo/pictures}), under its own name, which is also the file_id the demo answers with, so a photo
 * sent again by file_id (also after a restart) is the same file, its path printed again. Blocking: called on the
 * console's printing thread.
 */
final class ConsoleFiles {

	/** What the demo's file_ids start with. */
	static final String FILE_ID = "demo-picture:";

	private final Path pictures;

	ConsoleFiles(Path pictures) {
		this.pictures = pictures;
	}

	/** Writes the document; returns where. */
	Path document(SendDocument request) throws IOException {
		Path file = Path.of("data", request.fileName()).toAbsolutePath();
		Files.createDirectories(file.getParent());
		Files.write(file, request.content());
		return file;
	}

	/**
	 * Writes an uploaded photo, or finds the one a file_id names; returns where it is, as the folder was given
	 * (relative to the working directory by default: the same path whichever folder the demo runs in).
	 */
	Path photo(SendPhoto request) throws IOException {
		if (request.fileId() != null) {
			String name = request.fileId().startsWith(FILE_ID) ? request.fileId().substring(FILE_ID.length()) : "";
			Path file = pictures.resolve(name);
			if (name.isEmpty() || !file.normalize().getParent().equals(pictures.normalize()) || !Files.isRegularFile(file)) {
				throw new IOException("no demo picture " + request.fileId());
			}
			return file;
		}
		Path file = pictures.resolve(Path.of(request.fileName()).getFileName());
		Files.createDirectories(pictures);
		Files.write(file, request.content());
		return file;
	}

	/** Where the picture a file_id of the demo names is (as the folder was given); any other file_id as it is. */
	String where(String fileId) {
		return fileId.startsWith(FILE_ID) ? pictures.resolve(fileId.substring(FILE_ID.length())).toString() : fileId;
	}

	/** The sizes of a photo written here: one, named as its file. */
	static List<PhotoSize> sizes(Path photo) {
		String name = photo.getFileName().toString();
		return List.of(new PhotoSize(FILE_ID + name, name, 0, 0, photo.toFile().length()));
	}
}

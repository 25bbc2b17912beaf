import Foundation
import StepModel
import StepRender

/// The files a build writes beside the pages: the images figures show (under `_images/`, at their path
/// relative to the source root) and the code highlighter (under `_static/`), each copied only when it
/// differs from what the output holds.
public struct SiteAssets: Sendable {
    /// Destination → source, in a stable order.
    public var files: [(destination: String, source: String)]

    /// highlight.js as Debian's `libjs-highlight.js` installs it, with its licence.
    public static let highlighterSource = "/usr/share/javascript/highlight.js/highlight.min.js"
    public static let highlighterLicence = "/usr/share/doc/libjs-highlight.js/copyright"
    /// Where pages find the highlighter, relative to the top of the HTML output folder.
    public static let highlighterPath = "_static/highlight.min.js"

    /// The assets of `procedures` for `targets` in `outputFolder`: images for HTML and CommonMark, the
    /// highlighter for HTML when it is installed.
    public init(procedures: [Procedure], outputFolder: String, targets: [RenderTarget]) {
        var images: [ImageFile] = []
        var seen: Set<String> = []
        for procedure in procedures {
            for image in procedure.images where seen.insert(image.relativePath).inserted { images.append(image) }
        }
        images.sort { $0.relativePath < $1.relativePath }
        var files: [(String, String)] = []
        for target in targets where target == .html || target == .markdown {
            let folder = "\(outputFolder)/\(target.rawValue)/\(CommonMarkTreeBuilder.imagesFolder)"
            for image in images { files.append(("\(folder)/\(image.relativePath)", image.path)) }
        }
        if targets.contains(.html), Self.highlighterIsInstalled {
            files.append(("\(outputFolder)/html/\(Self.highlighterPath)", Self.highlighterSource))
            files.append(("\(outputFolder)/html/_static/highlight.js-LICENSE", Self.highlighterLicence))
        }
        self.files = files
    }

    public static var highlighterIsInstalled: Bool {
        FileManager.default.isReadableFile(atPath: highlighterSource)
            && FileManager.default.isReadableFile(atPath: highlighterLicence)
    }

    /// Copies every asset whose destination is missing or different, atomically; returns how many
    /// were written.
    public func copy(in directory: WorkingDirectory = .current) throws(StepDocFailure) -> Int {
        var written = 0
        for (destination, source) in files {
            guard let bytes = FileManager.default.contents(atPath: directory.resolve(source)) else {
                throw .unreadable(path: source, reason: "cannot read the file to copy it into the output")
            }
            if FileManager.default.contents(atPath: directory.resolve(destination)) == bytes { continue }
            try AtomicWriter.write([UInt8](bytes), to: destination, in: directory)
            written += 1
        }
        return written
    }
}

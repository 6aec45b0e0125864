/** A book inside a cloud-sync folder is recognised by its path (src-main/domain/backups.ts cloudSyncFolder). */
import { describe, expect, it } from 'vitest';
import { cloudSyncFolder, type CloudSyncService } from '../../src-main/domain/backups';

const table: [path: string, platform: string | undefined, expected: CloudSyncService | null][] = [
  // Dropbox
  ['/Users/mei/Dropbox/tradebook.db', 'darwin', 'Dropbox'],
  ['/Users/mei/Dropbox (Personal)/crm/tradebook.db', 'darwin', 'Dropbox'],
  ['/Users/mei/Dropbox (Contoso Export)/tradebook.db', 'darwin', 'Dropbox'],
  ['/Users/mei/Library/CloudStorage/Dropbox/tradebook.db', 'darwin', 'Dropbox'],
  ['/Users/mei/Library/CloudStorage/Dropbox-Contoso/tradebook.db', 'darwin', 'Dropbox'],
  ['C:\\Users\\li\\Dropbox\\Sales\\tradebook.db', 'win32', 'Dropbox'],
  ['/home/li/Dropbox/tradebook.db', 'linux', 'Dropbox'],
  ['/home/li/dropbox/tradebook.db', 'linux', 'Dropbox'],
  // OneDrive
  ['C:\\Users\\li\\OneDrive\\Documents\\tradebook.db', 'win32', 'OneDrive'],
  ['C:\\Users\\li\\OneDrive - Contoso\\Sales\\tradebook.db', 'win32', 'OneDrive'],
  ['C:\\Users\\li\\OneDrive - 深圳华强电子有限公司\\tradebook.db', 'win32', 'OneDrive'],
  ['C:/Users/li/OneDrive/tradebook.db', 'win32', 'OneDrive'],
  ['/Users/mei/Library/CloudStorage/OneDrive-Personal/tradebook.db', 'darwin', 'OneDrive'],
  ['/Users/mei/Library/CloudStorage/OneDrive-Contoso/Sales/tradebook.db', 'darwin', 'OneDrive'],
  ['/Users/mei/OneDrive/tradebook.db', 'darwin', 'OneDrive'],
  // iCloud Drive
  ['/Users/mei/Library/Mobile Documents/com~apple~CloudDocs/tradebook.db', 'darwin', 'iCloud Drive'],
  ['/Users/mei/Library/Mobile Documents/com~apple~CloudDocs/Sales/2025/tradebook.db', 'darwin', 'iCloud Drive'],
  ['/Users/mei/Library/Mobile Documents/iCloud~com~example~app/Documents/tradebook.db', 'darwin', 'iCloud Drive'],
  ['C:\\Users\\li\\iCloudDrive\\tradebook.db', 'win32', 'iCloud Drive'],
  ['/Users/mei/iCloud Drive (Archive)/tradebook.db', 'darwin', null],
  // Google Drive
  ['/Users/mei/Library/CloudStorage/GoogleDrive-mei@example.com/My Drive/tradebook.db', 'darwin', 'Google Drive'],
  ['G:\\My Drive\\tradebook.db', 'win32', 'Google Drive'],
  ['G:\\Shared drives\\Sales\\tradebook.db', 'win32', 'Google Drive'],
  ['/Volumes/GoogleDrive/My Drive/tradebook.db', 'darwin', 'Google Drive'],
  ['/Users/mei/Google Drive/tradebook.db', 'darwin', 'Google Drive'],
  ['C:\\Users\\li\\Google Drive\\tradebook.db', 'win32', 'Google Drive'],
  // Not synced
  ['/Users/mei/Library/Application Support/Tradebook/tradebook.db', 'darwin', null],
  ['C:\\Users\\li\\AppData\\Roaming\\Tradebook\\tradebook.db', 'win32', null],
  ['/home/li/.config/Tradebook/tradebook.db', 'linux', null],
  ['/home/li/Documents/dropbox-export-notes/tradebook.db', 'linux', null],
  ['/home/li/MyDropboxFiles/tradebook.db', 'linux', null],
  ['/home/li/OneDriveBackup/tradebook.db', 'linux', null],
  ['/srv/mobile documents/tradebook.db', 'linux', null],
  ['D:\\Drive\\tradebook.db', 'win32', null],
  ['/tmp/tradebook-test-abc/book.db', 'linux', null],
  ['/home/li/Dropbox-old/tradebook.db', 'linux', null],
  ['/Users/mei/Library/CloudStorage/Box-Box/tradebook.db', 'darwin', null],
];

describe('cloudSyncFolder', () => {
  it.each(table)('%s (%s) → %s', (path, platform, expected) => {
    expect(cloudSyncFolder(path, platform)).toBe(expected);
  });

  it('a Windows path is read as one without the platform given; on POSIX a backslash is part of a name', () => {
    expect(cloudSyncFolder('C:\\Users\\li\\OneDrive - Contoso\\tradebook.db')).toBe('OneDrive');
    expect(cloudSyncFolder('\\\\fileserver\\home\\li\\Dropbox\\tradebook.db')).toBe('Dropbox');
    expect(cloudSyncFolder('/home/li/notes\\Dropbox\\x/tradebook.db', 'linux')).toBeNull();
  });
});

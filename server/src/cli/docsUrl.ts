// Where the rules are documented on the web: the `repository` of package.json, read at build time
// (one place for the URL), so SARIF's helpUri opens in code scanning, unlike a file: path of the
// install folder.
import { repository } from '../../../package.json';

/** package.json's `repository` (a string or { url }) as the project's https page, without `git+` or `.git`. */
function repositoryWebUrl(repo: string | { url: string } = repository): string {
  const url = (typeof repo === 'string' ? repo : repo.url)
    .replace(/^git\+/, '')
    .replace(/^github:/, 'https://github.com/')
    .replace(/^git@github\.com:/, 'https://github.com/')
    .replace(/\.git$/, '')
    .replace(/\/$/, '');
  return /^[\w.-]+\/[\w.-]+$/.test(url) ? `https://github.com/${url}` : url;
}

export const REPOSITORY_URL = repositoryWebUrl();

/** A rule's page in the repository (docs/rules/<id>.md on the default branch). */
export function ruleDocsUrl(repositoryUrl: string, id: string): string {
  return `${repositoryUrl}/blob/HEAD/docs/rules/${encodeURIComponent(id)}.md`;
}

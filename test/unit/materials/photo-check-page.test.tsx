import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import PhotoCheckPage from '../../../src/filing/photo-check'
import { api } from '../../../src/services/api'
import type { FilingView } from '../../../src/services/api-types'
import { choosePhoto, photoError, readPhotoPixels } from '../../../src/services/photo-picker'
import { setRoute } from '../../setup/page-hooks'
import { decodeFixture, fail, ok, sampleView, summaryOf } from './support'

jest.mock('../../../src/services/api', () => ({
  api: { filings: { list: jest.fn(), get: jest.fn(), update: jest.fn() } }
}))
jest.mock('../../../src/services/navigation', () => ({ openPage: jest.fn(), goBack: jest.fn() }))
jest.mock('../../../src/services/photo-picker', () => {
  const actual = jest.requireActual('../../../src/services/photo-picker')
  return { ...actual, choosePhoto: jest.fn(), readPhotoPixels: jest.fn() }
})
const openWith = (params: Record<string, string>) => setRoute(params, '/filing/photo-check/index')

// decoding and analysing a 1280×720 photo in jsdom takes a while on a busy machine
configure({ asyncUtilTimeout: 10000 })

const filings = api.filings as unknown as Record<'list' | 'get' | 'update', jest.Mock>
const choose = choosePhoto as jest.Mock
const read = readPhotoPixels as jest.Mock

function serve(view: FilingView) {
  filings.list.mockResolvedValue(ok([summaryOf(view)]))
  filings.get.mockResolvedValue(ok(view))
  filings.update.mockImplementation(async (input: { version: number; materials?: FilingView['materials'] }) =>
    ok({ ...view, version: input.version + 1, materials: input.materials ?? view.materials })
  )
}

/** The picker hands over `file` as a phone would: a temp path, its byte size and its MIME type. */
function pick(file: string) {
  const image = decodeFixture(file)
  choose.mockResolvedValueOnce({ path: `blob:${file}`, size: image.bytes, format: 'image/jpeg' })
  read.mockResolvedValueOnce({
    width: image.width,
    height: image.height,
    data: image.data,
    originalWidth: image.width,
    originalHeight: image.height
  })
}

async function renderPage(view = sampleView()) {
  serve(view)
  render(<PhotoCheckPage />)
  await screen.findByText(/^当前状态：/)
}

const chooseButton = () => document.querySelector('.photo-check__choose') as HTMLElement

beforeEach(() => {
  localStorage.clear()
  jest.resetAllMocks()
  openWith({ material: 'owner_certificate' })
})

describe('检查照片', () => {
  it('explains what the reviewers reject and that nothing is uploaded', async () => {
    await renderPage()
    expect(screen.getByText('检查照片：主办单位证件（营业执照）')).toBeInTheDocument()
    expect(screen.getByText('当前状态：已准备')).toBeInTheDocument()
    expect(screen.getByText('照片只在你的手机上检查，不会上传到任何服务器。')).toBeInTheDocument()
    expect(screen.getByText('证件照片常见的驳回原因')).toBeInTheDocument()
    expect(screen.getByText(/复印件、黑白扫描件或翻拍屏幕/)).toBeInTheDocument()
    expect(screen.getByText(/JPG\/PNG 格式，不超过 2 MB，尺寸不低于 720×1280/)).toBeInTheDocument()
    expect(chooseButton()).toHaveTextContent('选择照片')
  })

  it('finds the glare on the glare fixture and offers to mark the material as a problem', async () => {
    await renderPage()
    pick('glare-license.jpg')
    fireEvent.click(chooseButton())
    await screen.findByText('发现 1 个会被驳回的问题')
    expect(read).toHaveBeenCalledWith('blob:glare-license.jpg', expect.any(Number))
    const finding = document.querySelector('[data-code="PHOTO_GLARE"]')!
    expect(finding).toHaveTextContent('证件上有反光，反光处的内容看不清')
    expect(finding).toHaveTextContent('怎么改：关闭闪光灯')
    expect(screen.getByText(/需要重拍或更换/)).toBeInTheDocument()
    expect(screen.getByText('1280×720 像素', { exact: false })).toBeInTheDocument()
    expect(chooseButton()).toHaveTextContent('换一张')

    fireEvent.click(screen.getByText('标记为有问题'))
    await waitFor(() => expect(filings.update).toHaveBeenCalledTimes(1))
    expect(filings.update.mock.calls[0][0].materials).toMatchObject({ owner_certificate: 'problem' })
    await screen.findByText('已标记为“有问题”')
  })

  it('finds nothing wrong with the clean fixture and says what it checked', async () => {
    await renderPage(sampleView({ materials: {} }))
    pick('clean-license.jpg')
    fireEvent.click(chooseButton())
    const result = await waitFor(() => {
      const el = document.querySelector('.photo-check__result')
      expect(el).not.toBeNull()
      return el as HTMLElement
    })
    expect(result).toHaveAttribute('data-result', 'clean')
    expect(document.querySelector('.photo-check__finding--error')).toBeNull()
    expect(result).toHaveTextContent(/没有发现(必须重拍的)?问题/)
    expect(result).toHaveTextContent('已检查格式、大小和尺寸、清晰度、反光')
    expect(result).toHaveTextContent('请自己再确认')

    fireEvent.click(screen.getByText('标记为已准备'))
    await waitFor(() => expect(filings.update).toHaveBeenCalledTimes(1))
    expect(filings.update.mock.calls[0][0].materials).toEqual({ owner_certificate: 'ready' })
    await screen.findByText('已标记为“已准备”')
  })

  it('换一张 replaces the result: glare first, then the clean photo', async () => {
    await renderPage()
    pick('glare-license.jpg')
    fireEvent.click(chooseButton())
    await screen.findByText('发现 1 个会被驳回的问题')
    pick('clean-license.jpg')
    fireEvent.click(chooseButton())
    await waitFor(() => expect(document.querySelector('[data-result="clean"]')).not.toBeNull())
    expect(document.querySelector('[data-code="PHOTO_GLARE"]')).toBeNull()
  })

  it('keeps the result when the user backs out of the picker', async () => {
    await renderPage()
    pick('glare-license.jpg')
    fireEvent.click(chooseButton())
    await screen.findByText('发现 1 个会被驳回的问题')
    choose.mockRejectedValueOnce(photoError('cancelled'))
    fireEvent.click(chooseButton())
    await screen.findByText('没有选择照片，之前的结果仍然保留')
    expect(screen.getByText('发现 1 个会被驳回的问题')).toBeInTheDocument()
  })

  it.each([
    ['a photo the phone cannot decode', 'photo.jpg', 'image/jpeg', 1_000_000, /HEIC 等手机专用格式/],
    ['a HEIC photo', 'photo.heic', 'image/heic', 1_000_000, /导出为 JPG/],
    ['a 40 MB file', 'huge.jpg', 'image/jpeg', 40 * 1024 * 1024, /照片文件有 40\.0 MB.*压缩/]
  ])('explains %s in Chinese and loses nothing', async (_name, path, format, size, message) => {
    await renderPage()
    choose.mockResolvedValueOnce({ path, size, format })
    read.mockRejectedValueOnce(photoError('unreadable'))
    fireEvent.click(chooseButton())
    const alert = await screen.findByText('没能检查这张照片')
    expect(alert.parentElement).toHaveTextContent(message)
    expect(filings.update).not.toHaveBeenCalled()
    expect(chooseButton()).toHaveTextContent('换一张')
  })

  it('explains a refused permission', async () => {
    await renderPage()
    choose.mockRejectedValueOnce(photoError('denied'))
    fireEvent.click(chooseButton())
    expect((await screen.findByText('没能检查这张照片')).parentElement).toHaveTextContent(/相册和相机/)
  })

  it('checks a face photo for the face-check material', async () => {
    openWith({ material: 'face_check' })
    await renderPage()
    expect(screen.getByText('检查照片：小程序负责人人脸核身')).toBeInTheDocument()
    expect(screen.getByText('当前状态：未准备')).toBeInTheDocument()
    expect(screen.getByText('人脸核验照片常见的驳回原因')).toBeInTheDocument()
    pick('clean-license.jpg')
    fireEvent.click(chooseButton())
    // a certificate is not a face on a white wall
    await screen.findByText(/人像背景不是白色/)
  })

  it('still checks a photo when the filing cannot be loaded, without offering to mark it', async () => {
    filings.list.mockResolvedValue(fail('UNAVAILABLE'))
    render(<PhotoCheckPage />)
    pick('glare-license.jpg')
    fireEvent.click(chooseButton())
    await screen.findByText('发现 1 个会被驳回的问题')
    expect(screen.queryByText('标记为有问题')).not.toBeInTheDocument()
  })
})
